"""Question banks to and from other systems: GIFT, Moodle XML, QTI 2.1, SCORM 1.2, spreadsheets."""
