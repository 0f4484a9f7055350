def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
String buildLog = new File(basedir, 'build.log').text
assert requests.isEmpty() : 'a request was made offline'
assert buildLog.contains('Maven is offline (-o): no model request is made, specs are AST-only.')
checks.assertSpec(new File(basedir, 'specs/com.acme.vault.spec.md'), 'offline-no-requests', 'com.acme.vault', 'ast-only')
checks.assertSpec(new File(basedir, 'specs/com.acme.web.spec.md'), 'offline-no-requests', 'com.acme.web', 'ast-only')
assert checks.summary(basedir).units*.status == ['written-ast', 'written-ast']
assert !buildLog.contains('sk-it-offline-KEY-MUST-NOT-LEAK-4c4c')
checks.assertOnlySpecsWritten(basedir)
return true
