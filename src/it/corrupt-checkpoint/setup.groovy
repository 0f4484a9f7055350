new File(basedir, 'specs').mkdirs()
new File(basedir, 'specs/.reverse-spec-checkpoint.json').text = '{"format": "reverse-spec-checkpoint", "units": {"x": [1, 2'
evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy')).snapshot(basedir)
return true
