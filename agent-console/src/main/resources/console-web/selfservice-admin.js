'use strict';
// The knowledge-base editor's "publish on the public help page" switch: its labels in both languages (console.js
// sends the flag with the article).
(function () {
  Object.assign(I18N.en, { articlePublish: 'Publish on the public help page', articlePublished: 'public' });
  Object.assign(I18N.fa, { articlePublish: 'انتشار در صفحه راهنمای عمومی', articlePublished: 'عمومی' });
}());
