/* What some phone browsers cannot do, and what to offer there instead. Shared by quiz.js,
   progress.js and backup.js (each of these bundles includes this section).
   - Inside WeChat (its user agent says MicroMessenger) `<a download>` and blob downloads do
     nothing: the trainee is told to open the page in the phone's browser.
   - navigator.clipboard exists only on https and localhost pages: on a plain-http intranet site
     or a file:// page it is undefined, and document.execCommand('copy') may or may not work.
     There the text stays visible and selected, with a hint to long-press it (shared/copy.js). */
const inWeChat = () => /MicroMessenger/i.test(navigator.userAgent || '');
const COPY_HINT = '长按选择复制';
// What to do instead of a download or print that WeChat ignores: `what` is 下载文件 or 打印.
const openInBrowser = what => '微信里不能' + what + '：请点右上角「…」，选择「在浏览器中打开」，在浏览器里再点一次。';
