// Shared assertions for the ITs' verify scripts: load with
//   def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
import org.yaml.snakeyaml.Yaml
import groovy.json.JsonSlurper

class SpecChecks {
    static final List<String> HEADINGS = [
        '## 1. Intent', '## 2. Public Interface', '## 3. Behavior', '## 4. Data Structures',
        '## 5. Constraints', '## 6. Edge Cases and Errors', '## 7. Technical Debt',
        '## 8. Test Coverage', '## 9. Dependencies', '## Appendix: Files']

    /** The front matter of a spec, parsed by a real YAML parser. */
    Map frontMatter(File spec) {
        String text = spec.getText('UTF-8')
        assert text.startsWith('---\n') : "${spec} has no front matter"
        int end = text.indexOf('\n---\n', 4)
        assert end > 0 : "${spec} front matter is not closed"
        Object yaml = new Yaml().load(text.substring(4, end))
        assert yaml instanceof Map : "${spec} front matter is not a YAML map"
        return (Map) yaml
    }

    /** Checks the format of PRODUCT.md and returns the front matter. */
    Map assertSpec(File spec, String module, String pkg, String status = 'ast-only') {
        assert spec.isFile() : "missing spec ${spec}"
        Map fm = frontMatter(spec)
        assert fm.type == 'module-spec'
        assert fm.module == module : "${spec}: module ${fm.module}"
        assert fm.package == pkg : "${spec}: package ${fm.package}"
        assert fm.status == status : "${spec}: status ${fm.status}"
        assert fm.model != null
        assert (fm.sourceHash as String) ==~ /sha256:[0-9a-f]{64}/
        assert (fm.generator as String).startsWith('reverse-spec-maven-plugin/')
        assert fm.relatedFiles instanceof List && !fm.relatedFiles.isEmpty()
        String text = spec.getText('UTF-8')
        assert text.contains("\n# ${pkg} (${module})\n") : "${spec}: title"
        int at = 0
        for (String h : HEADINGS) {
            int i = text.indexOf('\n' + h + '\n', at)
            assert i >= 0 : "${spec}: heading '${h}' missing or out of order"
            assert text.indexOf('\n' + h + '\n', i + 1) < 0 : "${spec}: heading '${h}' twice"
            at = i + 1
        }
        assert !(text =~ /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/) : "${spec}: contains a timestamp"
        return fm
    }

    /** The text of one numbered section (up to the next '## '). */
    String section(File spec, int number) {
        String text = spec.getText('UTF-8')
        int start = text.indexOf("\n## ${number}. ")
        assert start >= 0
        int end = text.indexOf('\n## ', start + 1)
        return text.substring(start, end < 0 ? text.length() : end)
    }

    Map summary(File basedir) {
        File json = new File(basedir, 'specs/_batch-summary.json')
        assert json.isFile() : 'missing specs/_batch-summary.json'
        assert new File(basedir, 'specs/_batch-summary.md').isFile() : 'missing specs/_batch-summary.md'
        return (Map) new JsonSlurper().parse(json)
    }

    /**
     * The checks every model-backed IT shares (the vault/web project): both specs written by the
     * fake model (named {@code model} in their front matter), the planted secrets never sent, the
     * key (null when none is configured) nowhere on disk or in the log.
     */
    void assertModelRun(File basedir, String module, String key, String requests, String model = 'fake-model') {
        String buildLog = new File(basedir, 'build.log').text
        File web = new File(basedir, 'specs/com.acme.web.spec.md')
        Map vault = assertSpec(new File(basedir, 'specs/com.acme.vault.spec.md'), module, 'com.acme.vault', 'llm')
        assertSpec(web, module, 'com.acme.web', 'llm')
        assert vault.model == model
        assert web.text.contains('Model-written intent for the package.')
        assert section(web, 2).contains('public String handle(String user)')
        ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'correct-horse-battery-staple',
         'Sup3rS3cret', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'].each {
            assert !requests.contains(it) : "secret ${it} was sent to the model"
        }
        if (key != null) {
            assert !buildLog.contains(key) : 'the API key leaked into the build log'
            new File(basedir, 'specs').eachFileRecurse { f -> if (f.isFile()) assert !f.text.contains(key) }
        }
        Map s = summary(basedir)
        assert s.units*.status == ['written-llm', 'written-llm']
        assert s.totals.tokens == 300
        assert new File(basedir, 'specs/_index.spec.md').text.contains('](com.acme.web.spec.md)')
        assertOnlySpecsWritten(basedir)
    }

    /**
     * The check's reports: drift-report.json in PRODUCT.md's format, drift-report.md, and the JUnit
     * XML parsed by the JDK's DOM, one test case per unit checked and a failure per error. Returns
     * the JSON report with the XML as {@code junit}.
     */
    Map driftReport(File basedir) {
        File json = new File(basedir, 'drift-logs/drift-report.json')
        assert json.isFile() : 'missing drift-logs/drift-report.json'
        assert new File(basedir, 'drift-logs/drift-report.md').isFile() : 'missing drift-logs/drift-report.md'
        File xml = new File(basedir, 'drift-logs/TEST-reverse-spec-check.xml')
        assert xml.isFile() : 'missing drift-logs/TEST-reverse-spec-check.xml'
        Map report = (Map) new JsonSlurper().parse(json)
        assert report.keySet() as List == ['format', 'version', 'generator', 'findings', 'totals']
        assert report.format == 'reverse-spec-drift'
        assert report.version == 1
        assert (report.generator as String).startsWith('reverse-spec-maven-plugin/')
        report.findings.each { f ->
            assert f.keySet() as List == ['unit', 'spec', 'kind', 'severity', 'detail', 'names'] : f
            assert f.severity in ['error', 'warning']
            assert f.kind in ['missing', 'orphan', 'interface', 'dependency', 'implementation', 'prose', 'edited', 'format']
            assert (f.spec as String).startsWith('specs/')
        }
        assert report.totals.errors == report.findings.count { it.severity == 'error' }
        assert report.totals.warnings == report.findings.count { it.severity == 'warning' }

        def factory = javax.xml.parsers.DocumentBuilderFactory.newInstance()
        factory.setFeature('http://apache.org/xml/features/disallow-doctype-decl', true)
        def doc = factory.newDocumentBuilder().parse(xml)
        def suite = doc.documentElement
        assert suite.tagName == 'testsuite'
        def cases = suite.getElementsByTagName('testcase')
        assert cases.length == report.totals.units
        assert suite.getAttribute('tests') as int == report.totals.units
        assert suite.getElementsByTagName('failure').length == report.totals.errors
        report.junit = doc
        return report
    }

    /** The JUnit test case of one unit ({@code artifactId:package}) in the check's XML. */
    def junitCase(Map report, String unit) {
        def cases = report.junit.documentElement.getElementsByTagName('testcase')
        for (int i = 0; i < cases.length; i++) {
            def c = cases.item(i)
            if ('reverse-spec.' + unit == c.getAttribute('classname') + ':' + c.getAttribute('name')) {
                return c
            }
        }
        assert false : "no test case for ${unit}"
    }

    static final String BEFORE = 'files-before-build.txt'

    /** Called from setup.groovy: remembers every file (path and size) before the build. */
    void snapshot(File basedir) {
        new File(basedir, BEFORE).text = listing(basedir).join('\n')
    }

    /** Asserts the build wrote nothing but specs/ and drift-logs/ (and the invoker's build.log). */
    void assertOnlySpecsWritten(File basedir) {
        File before = new File(basedir, BEFORE)
        assert before.isFile() : 'setup.groovy did not snapshot the files'
        Set<String> was = before.readLines() as Set
        List<String> changed = listing(basedir).findAll { !was.contains(it) }
            .findAll { !it.startsWith('specs/') && !it.startsWith('drift-logs/') && !it.startsWith('build.log') && !it.startsWith(BEFORE) }
            // Maven 4 itself keeps reactor poms in target/project-local-repo: not the plugin's doing
            .findAll { !it.startsWith('target/project-local-repo/') }
        assert changed.isEmpty() : "written outside specs/: ${changed}"
    }

    private static List<String> listing(File basedir) {
        List<String> out = []
        basedir.eachFileRecurse { File f ->
            if (f.isFile()) {
                String rel = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
                out << rel + ' ' + f.length() + ' ' + f.lastModified()
            }
        }
        return out.sort()
    }
}
new SpecChecks()
