// Read .ics files with Mozilla's ical.js (an independent iCalendar parser); print each event's
// UID, SEQUENCE, DTSTAMP, summary, location and its start and end as Beijing wall-clock time
// (UTC+8, computed from the absolute instant ical.js derives from the file's own VTIMEZONE).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const beijing = (time) => new Date(time.toUnixTime() * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
const out = {};
for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  out[file] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid, sequence: event.sequence, summary: event.summary, location: event.location,
      start: beijing(event.startDate), end: beijing(event.endDate),
      zone: event.startDate.zone.tzid, stamp: component.getFirstPropertyValue("dtstamp").toString(),
    };
  });
}
process.stdout.write(JSON.stringify(out));
