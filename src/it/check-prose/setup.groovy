// Every answer names two real members of Alpha and one the code does not have.
String prose = io.github.reversespec.testing.FakeModelServer.NINE_SECTIONS.replace(
        'What happens, step by step.',
        '`Alpha#size()` gives the size and `Alpha#count()` the count; `Alpha#reset()` starts again.')
evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).start(basedir, 'openai', prose)
return true
