/**
 * Facebook: Lexical editors everywhere (data-lexical-editor="true").
 *
 * Checked against the saved pages in ../shared/data/live-dom (npm run check:live-dom; "capture" below):
 * - Comment boxes are the editor inside a comment form, `form[role="presentation"]`, in every
 *   language (captures: en 2022, es 2022, fr 2024, the "Answer as" box of 2025). Their labels differ
 *   by language and by post ("Answer as <name>" under a group question), so the label tables are a
 *   fallback; the Arabic capture (2024) is cut inside its form and is classified by its label. Its
 *   focused composer shows the send button in `#focused-state-composer-submit`, whatever its word.
 * - The Messenger chat tab's composer: aria-label "Message", aria-placeholder "Aa" (capture: en 2025);
 *   its header's h2 is the person the message goes to. "Aa" is used in every language [M].
 * - Friend requests: a link a[href*="profile_id="] wraps the whole card, Confirm included; the name is
 *   the card's first text (capture: right-rail card 2025) or the <strong>s of a notification naming
 *   two people (capture: 2022). Hidden aria-hidden copies of Confirm/Delete sit in the card too.
 * - A profile's name is its h1 (capture: own profile fr 2024); the People-you-may-know carousel's
 *   "Add friend" buttons (fr: "Ajouter ami(e)") are 18 levels from that h1, out of reach.
 * Not in any capture (code evidence in SOURCES.md, or site-dom.md): reply boxes ("Reply to"), the
 * Create post dialog and its Post/Next buttons, Messenger's send button ("Press enter to send"), the
 * photo viewer's "Post comment" button, message requests, the Messenger chat list, Add friend / Follow /
 * Message on someone else's profile, the work-and-education form [L].
 * Words outside English: French, Spanish and Arabic from the captures where they show them, the rest
 * (and all Welsh) from the sites' public translations as best known, unconfirmed by a capture.
 * How to test: tests/fixtures/sites/facebook, tests/e2e/*.spec.ts.
 */
import type { SiteAdapter } from './types';

export const facebook: SiteAdapter = {
  site: 'facebook',
  surfaces: [
    { surface: 'message', path: '^/messages/' },
    // Messenger's composer (chat tabs on every page): the same placeholder in every language.
    { surface: 'message', selector: '[data-lexical-editor="true"][aria-placeholder="Aa"]' },
    { surface: 'reply', label: 'replyBox' },
    { surface: 'post', selector: '[role="dialog"]', label: 'createPostDialog' },
    { surface: 'post', label: 'postBox' },
    // Profile fields are single-line inputs and textareas in forms: named before the comment forms.
    { surface: 'profile-job', selector: 'input', label: 'jobField' },
    { surface: 'profile-job', selector: 'textarea', label: 'jobDescription', path: 'about_work_and_education' },
    { surface: 'profile-bio', selector: 'textarea', label: 'bioField' },
    { surface: 'comment', selector: 'form[role="presentation"]' },
    { surface: 'comment', label: 'commentBox' },
    { surface: 'message', label: 'messageBox' },
  ],
  defaultSurface: 'post',
  submitControls: [
    '#focused-state-composer-submit [role="button"]',
    // Facebook names its buttons in aria-label (every capture): only those are compared with the words.
    { selector: 'form[role="presentation"] [role="button"][aria-label]', label: 'commentSend' },
    { selector: '[role="button"][aria-label]', label: 'postComment' },
    { selector: '[role="dialog"] [role="button"][aria-label]', label: 'postSend' },
    { selector: '[role="button"][aria-label]', label: 'messageSend' },
    { selector: '[role="button"][aria-label]', label: 'save' },
  ],
  enterSends: ['comment', 'reply', 'message'],
  modEnterSends: [],
  contacts: [
    {
      kind: 'friend-request',
      controls: [{ selector: '[role="button"][aria-label]', label: 'confirm', does: 'accept' }],
      name: 'a[href*="profile_id="] strong, a[href*="profile_id="]',
      maxLevels: 10,
    },
    // No evidence for Messenger's message requests [L]: an Accept button near the person's name.
    { kind: 'message-request', path: '^/messages/requests', controls: [{ selector: '[role="button"]', label: 'accept', does: 'accept' }], name: 'h2, [role="heading"]', maxLevels: 8 },
    // Messenger's chat list [L], no evidence: rows are links to /messages/t/<id>, the name their first span.
    { kind: 'chat', path: '^/messages', controls: [{ selector: 'a[href^="/messages/t/"]', does: 'open-chat' }], name: 'span[dir="auto"]', maxLevels: 0 },
    // site-dom.md §2.4 [H]: Add friend on a profile, Follow in professional mode; Message [M].
    {
      kind: 'profile',
      path: '^/(?!friends|messages|groups|watch|marketplace|settings|notifications|bookmarks|events|gaming|search)[^/]+/?$',
      controls: [
        { selector: '[role="button"][aria-label]', label: 'addFriend', does: 'add-friend' },
        { selector: '[role="button"][aria-label]', label: 'follow', does: 'follow' },
        { selector: '[role="button"][aria-label]', label: 'message', does: 'message' },
      ],
      name: 'h1',
      exclude: '[role="article"], [aria-label="People you may know"]',
      maxLevels: 12,
    },
  ],
  // The chat tab's header names the person (capture: 2025): the nearest h2 around the composer
  // that is not in the message list (day headings there are h2s too).
  recipient: { name: 'h2:not([role="grid"] *)', handle: 'a[role="link"][aria-label][href]', maxLevels: 12 },
  labels: {
    en: {
      replyBox: ['Reply to', 'Reply as'],
      commentBox: ['Comment as', 'Write a comment', 'Write a public comment', 'Answer as', 'Write an answer'],
      messageBox: ['Message', 'Type a message'],
      createPostDialog: ['Create post', 'Create a post', 'Edit post'],
      postBox: ["What's on your mind", 'What’s on your mind', 'Write something', 'Create a public post'],
      jobField: ['Company', 'Position', 'Workplace', 'Job title'],
      jobDescription: ['Description'],
      bioField: ['Bio', 'Enter bio text', 'Describe who you are'],
      commentSend: ['Comment', 'Reply', 'Post', 'Answer'],
      postComment: ['Post comment'],
      postSend: ['Post', 'Next'],
      messageSend: ['Press enter to send', 'Send'],
      save: ['Save'],
      confirm: ['Confirm', 'Confirm request'],
      accept: ['Accept'],
      addFriend: ['Add friend'],
      follow: ['Follow'],
      message: ['Message'],
    },
    cy: {
      replyBox: ['Ateb', 'Ymateb i'],
      commentBox: ['Rhoi sylw fel', 'Ysgrifennwch sylw', 'Ysgrifennu sylw', 'Ateb fel'],
      messageBox: ['Neges', 'Teipiwch neges'],
      createPostDialog: ['Creu neges', 'Creu postiad', 'Creu post'],
      postBox: ['Beth sydd ar eich meddwl', 'Ysgrifennwch rywbeth'],
      jobField: ['Cwmni', 'Swydd', 'Gweithle', 'Teitl swydd'],
      jobDescription: ['Disgrifiad'],
      bioField: ['Bywgraffiad', 'Disgrifiwch pwy ydych chi'],
      commentSend: ['Rhoi sylw', 'Sylw', 'Ateb', 'Postio'],
      postComment: ['Postio sylw'],
      postSend: ['Postio', 'Nesaf'],
      messageSend: ['Pwyswch Enter i anfon', 'Anfon'],
      save: ['Cadw'],
      confirm: ['Cadarnhau', 'Cadarnhau cais'],
      accept: ['Derbyn'],
      addFriend: ['Ychwanegu ffrind'],
      follow: ['Dilyn'],
      message: ['Neges', 'Anfon neges'],
    },
    fr: {
      replyBox: ['Répondre à', 'Répondre en tant que'],
      commentBox: ['Écrivez un commentaire', 'Écrire un commentaire', 'Commenter en tant que', 'Commentez en tant que', 'Répondre en tant que'],
      messageBox: ['Message', 'Écrire un message'],
      createPostDialog: ['Créer une publication', 'Modifier la publication'],
      postBox: ['Que voulez-vous dire', 'Exprimez-vous', 'À quoi pensez-vous'],
      jobField: ['Entreprise', 'Poste', 'Employeur', 'Intitulé du poste'],
      jobDescription: ['Description'],
      bioField: ['Bio', 'Biographie', 'Décrivez qui vous êtes'],
      commentSend: ['Commenter', 'Répondre', 'Publier'],
      postComment: ['Publier le commentaire'],
      postSend: ['Publier', 'Suivant'],
      messageSend: ['Appuyez sur Entrée pour envoyer', 'Envoyer'],
      save: ['Enregistrer'],
      confirm: ['Confirmer', 'Confirmer la demande'],
      accept: ['Accepter'],
      addFriend: ['Ajouter ami(e)', 'Ajouter'],
      follow: ['Suivre'],
      message: ['Envoyer un message', 'Message'],
    },
    es: {
      replyBox: ['Responder a', 'Responder como'],
      commentBox: ['Escribe un comentario', 'Comentar como', 'Comenta como', 'Responder como'],
      messageBox: ['Mensaje', 'Escribe un mensaje'],
      createPostDialog: ['Crear publicación', 'Editar publicación'],
      postBox: ['¿Qué estás pensando', 'Escribe algo'],
      jobField: ['Empresa', 'Cargo', 'Lugar de trabajo', 'Puesto'],
      jobDescription: ['Descripción'],
      bioField: ['Presentación', 'Biografía', 'Describe quién eres'],
      commentSend: ['Comentar', 'Responder', 'Publicar'],
      postComment: ['Publicar comentario'],
      postSend: ['Publicar', 'Siguiente'],
      messageSend: ['Pulsa Intro para enviar', 'Presiona Enter para enviar', 'Enviar'],
      save: ['Guardar'],
      confirm: ['Confirmar', 'Confirmar solicitud'],
      accept: ['Aceptar'],
      addFriend: ['Agregar a amigos', 'Añadir a amigos'],
      follow: ['Seguir'],
      message: ['Enviar mensaje', 'Mensaje'],
    },
    ar: {
      replyBox: ['الرد على', 'رد على', 'الرد باسم'],
      commentBox: ['اكتب تعليقًا', 'اكتب تعليقا', 'التعليق باسم', 'علّق باسم', 'الإجابة باسم'],
      messageBox: ['رسالة', 'اكتب رسالة'],
      createPostDialog: ['إنشاء منشور', 'تعديل المنشور'],
      postBox: ['بم تفكر', 'بماذا تفكر'],
      jobField: ['الشركة', 'المنصب', 'مكان العمل', 'المسمى الوظيفي'],
      jobDescription: ['الوصف'],
      bioField: ['السيرة الذاتية', 'النبذة التعريفية'],
      commentSend: ['تعليق', 'رد', 'نشر'],
      postComment: ['نشر التعليق'],
      postSend: ['نشر', 'التالي'],
      messageSend: ['اضغط على Enter للإرسال', 'إرسال'],
      save: ['حفظ'],
      confirm: ['تأكيد', 'تأكيد الطلب'],
      accept: ['قبول'],
      addFriend: ['إضافة صديق', 'إضافة كصديق'],
      follow: ['متابعة'],
      message: ['مراسلة', 'رسالة'],
    },
  },
  // Signed-in account (official accounts), no evidence [L]: the comment box names who is commenting
  // ("Comment as Oakfield Primary School" when acting as the school's Page).
  signedInAccount: [
    { selector: '[aria-label^="Comment as "]', from: 'aria-label', pattern: '^Comment as (.+)$' },
  ],
  // Photos (school-photo) [L]: live-dom shows plain input[type=file] in comment forms and chat tabs (accept
  // image/*, video/*, image/heic); the post dialog is a role=dialog. Facebook uploads when the post is sent [L].
  attachments: {
    inputs: 'input[type="file"]',
    drop: '[role="dialog"], [role="article"], [role="main"], [aria-label="Message"], form',
    paste: '[data-lexical-editor="true"], [contenteditable="true"], textarea',
    uploadsOnAttach: false,
  },
  // Review my profile (issue 17): the own profile's "Edit profile" role=button, seen as "Modifier le
  // profil" in the French capture [H for the control, labels per locale]; the name is its h1 [M]. Post
  // text in data-ad-preview / data-ad-comet-preview="message" (many scrapers) [M], posts are role=article
  // in ProfileTimeline pagelets (§2.1) [M], the permalink is the timestamp link [M], the audience icon
  // is titled "Shared with Public" (a clone of the markup) [M]. The Intro tiles have no evidence [L].
  ownProfile: {
    path: '^/(?!friends|messages|groups|watch|marketplace|settings|notifications|bookmarks|events|gaming|search)([^/]+/?|profile\\.php)$',
    editControl: { selector: '[role="button"][aria-label]', names: ['Edit profile', 'Modifier le profil'] },
    fields: [
      { selector: '[role="main"] h1', surface: 'profile-name', label: 'Name' },
      { selector: '[data-pagelet^="ProfileTilesFeed"] span[dir="auto"]', surface: 'profile-bio', label: 'Intro' },
    ],
    posts: {
      item: '[data-pagelet^="ProfileTimeline"] [role="article"]',
      text: '[data-ad-comet-preview="message"], [data-ad-preview="message"]',
      link: 'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"]',
      public: { selector: '[aria-label], [title], svg', names: ['Shared with Public', 'Partagé avec Public'] },
    },
  },
};
