def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
String buildLog = new File(basedir, 'build.log').text
String key = 'sk-ant-it-KEY-MUST-NOT-LEAK-1b2c3d'
checks.assertModelRun(basedir, 'llm-anthropic', key, requests)
assert requests.findAll(/POST \/v1\/messages/).size() == 2
assert requests.contains('X-api-key: ' + key)
assert requests.contains('Anthropic-version: 2023-06-01')
return true
