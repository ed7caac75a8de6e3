/**
 * Instagram: comments in a form's textarea, DMs in a Lexical editor on /direct/, the new-post
 * caption "Write a caption..." in the create dialog.
 *
 * Checked against the saved pages in ../shared/data/live-dom (npm run check:live-dom):
 * - A comment box is the textarea of a <form> (captures: en 2025 and 2026, ru 2025); its Post
 *   button is the role=button after the textarea in that form, whatever its word ("Post",
 *   "Опубликовать"), and only there once something is typed (the 2026 capture is empty).
 * - A profile's header has no h1: its h2 is the handle, the display name a plain span after it
 *   (2025 and 2026 own profiles, where no Follow or Message button shows).
 * Not in any capture (code evidence in SOURCES.md, or site-dom.md): the DM composer and its Send
 * button (present only after typing), the caption box and Share, the edit-profile fields (#pepBio is
 * from old code only), follow and message requests [L], the Direct thread list [L], Follow / Message
 * on someone else's profile [M], the newer contenteditable comment box.
 * Words outside English: Russian from the capture, the rest as best known, unconfirmed.
 * No recipient is read for DMs: no evidence of the thread header's markup.
 */
import type { SiteAdapter } from './types';

export const instagram: SiteAdapter = {
  site: 'instagram',
  surfaces: [
    { surface: 'message', path: '^/direct/' },
    // The edit-profile form is a <form> with a textarea too: its fields are named first.
    { surface: 'profile-bio', selector: '#pepBio, textarea[placeholder="Bio"], textarea[name="biography"]' },
    { surface: 'profile-name', selector: 'input[name="fullName"]', path: '^/accounts/edit' },
    { surface: 'profile-name', selector: 'input', label: 'nameField', path: '^/accounts/edit' },
    { surface: 'comment', selector: 'form textarea' },
    { surface: 'comment', label: 'commentBox' },
    { surface: 'post', label: 'captionBox' },
  ],
  defaultSurface: 'comment',
  submitControls: [
    // The comment form's own button, after its textarea: the same in every language.
    'form textarea ~ * [role="button"], form textarea ~ [role="button"], form textarea ~ * button, form textarea ~ button',
    { selector: 'form [role="button"], form button', label: 'post' },
    { selector: '[role="button"], button', label: 'send' },
  ],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
  contacts: [
    // site-dom.md §3.3: no stable selectors for follow requests [L]. Designed around labels: a Confirm
    // button with a profile link near it, anywhere (the activity panel opens over any page).
    {
      kind: 'follow-request',
      controls: [{ selector: 'button, [role="button"]', label: 'confirm', does: 'accept' }],
      name: 'a[href^="/"][role="link"], a[href^="/"][role="link"] ~ span',
      handle: 'a[href^="/"][role="link"]',
      maxLevels: 5,
    },
    // Message requests at /direct/requests [L]: Accept, with the person's name as the thread heading.
    { kind: 'message-request', path: '^/direct/requests', controls: [{ selector: 'button, [role="button"]', label: 'accept', does: 'accept' }], name: 'h2, [role="heading"]', maxLevels: 10 },
    // The Direct thread list [L], no evidence: rows are links to /direct/t/<id>/, the name their first span.
    { kind: 'chat', path: '^/direct/', controls: [{ selector: 'a[href^="/direct/t/"]', does: 'open-chat' }], name: 'span[dir="auto"]', maxLevels: 0 },
    // §3.3 [M]: the profile header's Follow / Follow Back / Message buttons, by their words. The name:
    // the display name, a leaf span outside links, buttons, the handle's h2 and the counts list (it sits
    // sections away from the buttons); the handle comes from the path.
    {
      kind: 'profile',
      path: '^/(?!accounts|direct|explore|reels|stories|p/)[A-Za-z0-9._]+/?$',
      handleFromPath: '^/([A-Za-z0-9._]+)',
      controls: [
        { selector: 'header button, header [role="button"]', label: 'follow', does: 'follow' },
        { selector: 'header button, header [role="button"]', label: 'message', does: 'message' },
      ],
      name: 'header h1, header section span[dir="auto"]:not(:has(*)):not(a *, h2 *, li *, [role="button"] *)',
      maxNames: 1,
      maxLevels: 12,
    },
  ],
  labels: {
    en: {
      commentBox: ['Add a comment'],
      captionBox: ['Write a caption'],
      nameField: ['Name'],
      post: ['Post'],
      send: ['Send', 'Share', 'Submit'],
      confirm: ['Confirm'],
      accept: ['Accept'],
      follow: ['Follow', 'Follow Back'],
      message: ['Message'],
    },
    cy: {
      commentBox: ['Ychwanegu sylw', 'Ychwanegwch sylw'],
      captionBox: ['Ysgrifennwch gapsiwn', 'Ysgrifennu capsiwn'],
      nameField: ['Enw'],
      post: ['Postio'],
      send: ['Anfon', 'Rhannu', 'Cyflwyno'],
      confirm: ['Cadarnhau'],
      accept: ['Derbyn'],
      follow: ['Dilyn', 'Dilyn yn ôl'],
      message: ['Neges'],
    },
    ru: {
      commentBox: ['Добавьте комментарий'],
      captionBox: ['Добавьте подпись'],
      nameField: ['Имя'],
      post: ['Опубликовать'],
      send: ['Отправить', 'Поделиться'],
      confirm: ['Подтвердить'],
      accept: ['Принять'],
      follow: ['Подписаться', 'Подписаться в ответ'],
      message: ['Отправить сообщение', 'Сообщение'],
    },
    fr: {
      commentBox: ['Ajouter un commentaire', 'Ajoutez un commentaire'],
      captionBox: ['Écrivez une légende', 'Ajouter une légende'],
      nameField: ['Nom'],
      post: ['Publier'],
      send: ['Envoyer', 'Partager'],
      confirm: ['Confirmer'],
      accept: ['Accepter'],
      follow: ['S’abonner', "S'abonner", 'Suivre en retour'],
      message: ['Écrire', 'Envoyer un message', 'Message'],
    },
    es: {
      commentBox: ['Agrega un comentario', 'Añade un comentario'],
      captionBox: ['Escribe un pie de foto', 'Escribe una descripción'],
      nameField: ['Nombre'],
      post: ['Publicar'],
      send: ['Enviar', 'Compartir'],
      confirm: ['Confirmar'],
      accept: ['Aceptar'],
      follow: ['Seguir', 'Seguir también'],
      message: ['Enviar mensaje', 'Mensaje'],
    },
    ar: {
      commentBox: ['إضافة تعليق', 'أضف تعليقًا'],
      captionBox: ['اكتب شرحًا', 'اكتب تسمية توضيحية'],
      nameField: ['الاسم'],
      post: ['نشر'],
      send: ['إرسال', 'مشاركة'],
      confirm: ['تأكيد'],
      accept: ['قبول'],
      follow: ['متابعة', 'متابعة بالمثل'],
      message: ['مراسلة', 'رسالة'],
    },
    pt: {
      commentBox: ['Adicione um comentário'],
      post: ['Publicar'],
      send: ['Enviar', 'Compartilhar'],
      follow: ['Seguir', 'Seguir de volta'],
      message: ['Enviar mensagem', 'Mensagem'],
    },
  },
  // Signed-in account (official accounts) [L]: the side bar's Profile link holds the account's picture.
  signedInAccount: [{ selector: '[role="navigation"] a[href]:has(img[alt$="profile picture"])', from: 'href', pattern: '^(?:https://www\\.instagram\\.com)?/([A-Za-z0-9._]{1,30})/?$' }],
  // Photos (school-photo) [L]: live-dom has input[type=file] (image/jpeg,image/png) for the profile photo; the
  // create flow's picker is a file input in its dialog. Instagram uploads when shared [L].
  attachments: {
    inputs: 'input[type="file"]',
    drop: '[role="dialog"], form',
    paste: '[data-lexical-editor="true"], [contenteditable="true"], textarea',
    uploadsOnAttach: false,
  },
  // Review my profile (issue 17): both captured own-profile headers have an "Edit profile" link to
  // /accounts/edit/ and no Follow button [H]; the name is a bare span[dir=auto] in the header and the bio
  // the span inside its role=button [M, two captures]. Posts are the grid's /p/ and /reel/ links, read by
  // their image's alt text [L, no capture]; every post of an account that is not private is public [L].
  ownProfile: {
    path: '^/(?!accounts|direct|explore|reels|stories|p/)[A-Za-z0-9._]+/?$',
    editControl: { selector: 'header a[href*="/accounts/edit"]' },
    fields: [
      { selector: 'header section div > span[dir="auto"]:not(:has(*)):not([role="button"] *)', surface: 'profile-name', label: 'Name' },
      { selector: 'header [role="button"] > span[dir="auto"]', surface: 'profile-bio', label: 'Bio' },
    ],
    posts: {
      item: 'main a[href*="/p/"], main a[href*="/reel/"]',
      text: 'img[alt]',
      link: ':scope',
      publicUnlessPrivate: true,
      privateAccount: 'header svg[aria-label="Private account"]',
    },
  },
};
