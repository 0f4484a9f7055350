def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
File p1 = new File(basedir, 'specs/org.r.p1.spec.md')
File p2 = new File(basedir, 'specs/org.r.p2.spec.md')
def fm = checks.assertSpec(p1, 'broken', 'org.r.p1')
checks.assertSpec(p2, 'broken', 'org.r.p2')
// The broken file is named, with its line, in the log and in its unit's spec; the rest is documented
assert buildLog =~ /\[WARNING\] Cannot use src\/main\/java\/org\/r\/p1\/Broken\.java:7/
assert buildLog.contains('src/main/java/org/r/p2/Latin.java') && buildLog.contains('UTF-8')
assert fm.relatedFiles.contains('src/main/java/org/r/p1/Broken.java')
assert p1.text.contains('Broken.java:7')
assert checks.section(p1, 2).contains('public class Alpha')
def summary = checks.summary(basedir)
assert summary.failed.isEmpty()
assert summary.problems.size() == 2
checks.assertOnlySpecsWritten(basedir)
return true
