/**
 * CRX3, the package format Chrome and Edge install from a self-hosted address (Chromium's
 * components/crx_file/crx3.proto):
 *   "Cr24" · version 3 (uint32 LE) · header length N (uint32 LE) · CrxFileHeader (N bytes) · the zip
 * where CrxFileHeader = { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000 },
 * AsymmetricKeyProof = { bytes public_key = 1; bytes signature = 2 }, SignedData = { bytes crx_id = 1 },
 * and the signature is RSASSA-PKCS1-v1_5 with SHA-256 over
 *   "CRX3 SignedData\0" · uint32 LE length of signed_header_data · signed_header_data · the zip.
 * The extension id is the first 16 bytes of SHA-256 of the public key (DER SubjectPublicKeyInfo), in
 * hex written with the letters a–p. Node only (node:crypto).
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** One length-delimited protobuf field. */
function field(number: number, bytes: Uint8Array): Uint8Array {
  const head = [...varint((number << 3) | 2), ...varint(bytes.length)];
  const out = new Uint8Array(head.length + bytes.length);
  out.set(head);
  out.set(bytes, head.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

/** DER SubjectPublicKeyInfo of a private key's public half. */
export function publicKeyDer(privateKey: KeyObject): Uint8Array {
  return new Uint8Array(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
}

export function extensionIdOf(publicKeyDer: Uint8Array): string {
  const hash = createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
  return [...hash].map((b) => String.fromCharCode(97 + (b >> 4)) + String.fromCharCode(97 + (b & 15))).join('');
}

export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the key is ${key.asymmetricKeyType ?? 'not'} an RSA key; Chrome's packages are signed with RSA.`);
  return key;
}

export function crx3(zip: Uint8Array, privateKey: KeyObject): { crx: Uint8Array; id: string } {
  const pub = publicKeyDer(privateKey);
  const crxId = createHash('sha256').update(pub).digest().subarray(0, 16);
  const signedHeaderData = field(1, crxId);
  const signed = concat(new TextEncoder().encode('CRX3 SignedData\0'), u32(signedHeaderData.length), signedHeaderData, zip);
  const signature = new Uint8Array(sign('sha256', signed, privateKey));
  const header = concat(field(2, concat(field(1, pub), field(2, signature))), field(10000, signedHeaderData));
  const crx = concat(new TextEncoder().encode('Cr24'), u32(3), u32(header.length), header, zip);
  return { crx, id: extensionIdOf(pub) };
}
