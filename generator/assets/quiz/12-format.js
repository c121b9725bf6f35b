/* Times and durations as the pages show them (local time) */
const pad2 = n => String(n).padStart(2, '0');
const clockText = seconds => pad2(Math.floor(seconds / 60)) + ':' + pad2(seconds % 60);
const durationText = seconds => (seconds >= 60 ? Math.floor(seconds / 60) + ' 分 ' : '') + (seconds % 60) + ' 秒';
const dayText = time => { const d = new Date(time); return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()); };
const stampText = time => dayText(time) + ' ' + pad2(new Date(time).getHours()) + ':' + pad2(new Date(time).getMinutes());
