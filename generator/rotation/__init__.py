"""Running a rotation: rosters, attendance, 学时, the completion ledger and the 情况报表.

Everything here holds personal data and lives in the git-ignored roster folder; nothing
here is read by the site build.
"""
