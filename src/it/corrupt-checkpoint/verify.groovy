def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('[WARNING] Checkpoint ')
assert buildLog.contains('was set aside as .reverse-spec-checkpoint.json.corrupt')
assert new File(basedir, 'specs/.reverse-spec-checkpoint.json.corrupt').isFile()
checks.assertSpec(new File(basedir, 'specs/org.r.p1.spec.md'), 'corruptcp', 'org.r.p1')
checks.assertSpec(new File(basedir, 'specs/org.r.p2.spec.md'), 'corruptcp', 'org.r.p2')
checks.assertOnlySpecsWritten(basedir)
return true
