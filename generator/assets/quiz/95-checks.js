/* The engine's checks of stored values, for the backup on 我的学习进度 (progress/backup.js),
   which loads this script on demand to restore the 错题本 and the profile with the same
   cleaners their readers use. Wrapped, so that the names are looked up when called. */
window.lunxunChecks = {wrong: value => cleanWrongBook(value), profile: value => cleanProfile(value)};
