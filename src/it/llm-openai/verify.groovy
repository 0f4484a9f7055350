def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
String buildLog = new File(basedir, 'build.log').text
String key = 'sk-it-openai-KEY-MUST-NOT-LEAK-7f3a9c'
checks.assertModelRun(basedir, 'llm-openai', key, requests)
// Two requests, to the OpenAI-compatible path, with the key; -X output included no key
assert requests.findAll(/POST \/v1\/chat\/completions/).size() == 2
assert requests.contains('Bearer ' + key)
assert buildLog.contains('[DEBUG]')
return true
