def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
checks.assertSpec(new File(basedir, 'specs/com.acme.vault.spec.md'), 'llm-endpoint-down', 'com.acme.vault', 'ast-only')
checks.assertSpec(new File(basedir, 'specs/com.acme.web.spec.md'), 'llm-endpoint-down', 'com.acme.web', 'ast-only')
def summary = checks.summary(basedir)
assert summary.units*.status == ['degraded', 'degraded']
assert summary.units.every { it.attempts == 2 && !it.error.isEmpty() }
assert buildLog.contains('degraded to ast-only')
assert buildLog.contains('BUILD SUCCESS')
assert !buildLog.contains('sk-it-down-KEY-MUST-NOT-LEAK-5e6f')
// Nothing failed, so nothing is left to resume
assert !new File(basedir, 'specs/.reverse-spec-checkpoint.json').exists()
checks.assertOnlySpecsWritten(basedir)
return true
