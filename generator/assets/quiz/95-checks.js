/* The engine's checks of stored values, for the backup on 我的学习进度 (backup/backup.js),
   which loads this script on demand to restore the 错题本, the profile and the answer-unlock
   codes with the same cleaners their readers use. Wrapped, so that the names are looked up
   when called; unlock only where the engine has the trainer-graded review (67-review.js). */
window.lunxunChecks = {wrong: value => cleanWrongBook(value), profile: value => cleanProfile(value),
  unlock: typeof cleanUnlock === 'function' ? value => cleanUnlock(value) : undefined};
