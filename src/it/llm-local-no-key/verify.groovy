def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
// No provider and no key given: the base URL alone means an OpenAI-compatible server, asked
// without any Authorization header, for the model named on the command line.
checks.assertModelRun(basedir, 'llm-local-no-key', null, requests, 'llama3.1')
assert requests.findAll(/POST \/v1\/chat\/completions/).size() == 2
assert !(requests =~ /(?im)^(authorization|x-api-key):/) : 'a key was sent'
assert requests =~ /"model"\s*:\s*"llama3\.1"/
return true
