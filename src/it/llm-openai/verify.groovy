def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
String buildLog = new File(basedir, 'build.log').text
String key = 'sk-it-openai-KEY-MUST-NOT-LEAK-7f3a9c'

def vault = checks.assertSpec(new File(basedir, 'specs/com.acme.vault.spec.md'), 'llm-openai', 'com.acme.vault', 'llm')
checks.assertSpec(new File(basedir, 'specs/com.acme.web.spec.md'), 'llm-openai', 'com.acme.web', 'llm')
assert vault.model == 'fake-model'
String web = new File(basedir, 'specs/com.acme.web.spec.md').text
assert web.contains('Model-written intent for the package.')
assert checks.section(new File(basedir, 'specs/com.acme.web.spec.md'), 2).contains('public String handle(String user)')

// Two requests, to the OpenAI-compatible path, with the key; nothing secret in any body
assert requests.findAll(/POST \/v1\/chat\/completions/).size() == 2
assert requests.contains('Bearer ' + key)
['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'correct-horse-battery-staple', 'Sup3rS3cret',
 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'].each {
    assert !requests.contains(it) : "secret ${it} was sent to the model"
}
// The key is in no log line (debug included), spec, summary or checkpoint
assert buildLog.contains('[DEBUG]')
assert !buildLog.contains(key) : 'the API key leaked into the build log'
new File(basedir, 'specs').eachFileRecurse { f -> if (f.isFile()) assert !f.text.contains(key) }

def summary = checks.summary(basedir)
assert summary.units*.status == ['written-llm', 'written-llm']
assert summary.totals.tokens == 300
assert new File(basedir, 'specs/_index.spec.md').text.contains('](com.acme.web.spec.md)')
checks.assertOnlySpecsWritten(basedir)
return true
