evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).start(basedir, 'openai')
// Point Maven at this IT's settings-security.xml and global settings (the user settings stay the invoker's).
new File(basedir, '.mvn/maven.config') << "-Dsettings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n" <<
    "-gs\n${new File(basedir, 'global-settings.xml').absolutePath}\n"
evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy')).snapshot(basedir)
return true
