/**
 * The extension's public key and the id Chrome derives from it. Pinning the key keeps the id
 * the same for unpacked builds, store builds and every deployment artefact that targets it.
 * (The id is the first 32 hex digits of SHA-256 of the key, written with the letters a–p.)
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkLlP/YszTJI5g0BZcjwnlfEGCnhaeB15+MvRsdhvZcOSsi4u2huST/5ber7j6NAysIhgSFyhxZaVrRFBXHSZySGfZKWS0C6MErf08b5z4VhXWYKuJgKOyVgS5l8byainYeH/YGyOyv2gJ+sixHa7GJosJeJke5Q5DUkbChf71JJgqxyytS+FrZsf83EQ36484a9UijfRa+Ryaiz62GbZZKx4Ae3or91BTPumpYmPzJDeeNJfpzlA0e8CJXYsDRLNEjUNjpkcSQFJ/9fW710maJDQ9R38dHk9eZM+RaN1z9n7gg0uAKv0l0r1HEzAjvBrfz6KLSVXOzYXnQg9RqMxcQIDAQAB';
export const EXTENSION_ID = 'pdgjohnhagklmmakfebhpmpepijjnfhf';

/**
 * Firefox's add-on id (browser_specific_settings.gecko.id). Firefox takes the id from the manifest, so
 * the unpacked build, a signed .xpi and the policies.json that configures it all agree on it.
 */
export const FIREFOX_EXTENSION_ID = 'second-look@secondlook.school';
