package io.github.reversespec.context;

import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A unit's outline from the syntax tree, one file at a time: the types with their signatures,
 * annotations and Javadoc summaries, then their members. Compact on purpose: it is the part of
 * the code every request must carry, so it leaves out bodies, imports and blank lines.
 */
final class Skeleton {

    /** Longest Javadoc summary kept on a line; the first sentence rarely needs more. */
    private static final int SUMMARY_CHARS = 240;
    /** Longest line kept; a longer signature is cut rather than crowding out the rest. */
    private static final int LINE_CHARS = 1_000;
    /** Longest file header kept: the path and its line count, or why it was not parsed. */
    private static final int HEADER_CHARS = 300;
    /** Enum constants listed on one line before a new line starts, so long enums can still be split. */
    private static final int CONSTANTS_LINE_CHARS = 200;

    /**
     * One line of the outline.
     *
     * @param text the line, redacted, without line break
     * @param sourceLine the line of the declaration it shows in its file, 0 when unknown
     */
    record Line(String text, int sourceLine) {}

    /**
     * The outline of one file.
     *
     * @param path the file relative to the execution root
     * @param header the line naming the file
     * @param lines its types and members
     * @param exported whether it declares a type other packages can use
     */
    record FileOutline(String path, String header, List<Line> lines, boolean exported) {}

    private Skeleton() {}

    /** The outline of every file of the unit, in path order; every line passes {@code clean}. */
    static List<FileOutline> of(UnitAnalysis unit, UnaryOperator<String> clean) {
        Map<String, List<TypeModel>> byFile = new TreeMap<>();
        Map<String, SourceFile> files = new LinkedHashMap<>();
        for (SourceFile file : unit.files()) {
            files.put(file.path(), file);
            byFile.computeIfAbsent(file.path(), k -> new ArrayList<>());
        }
        for (TypeModel type : unit.types()) {
            byFile.computeIfAbsent(type.file(), k -> new ArrayList<>()).add(type);
        }
        List<FileOutline> outlines = new ArrayList<>();
        for (Map.Entry<String, List<TypeModel>> entry : byFile.entrySet()) {
            String path = entry.getKey();
            SourceFile file = files.get(path);
            StringBuilder header = new StringBuilder("file ").append(path);
            if (file != null) {
                header.append(" (").append(file.lines()).append(" lines");
                file.problem().ifPresent(p -> header.append(", not parsed: ").append(p.message()));
                header.append(')');
            }
            List<Line> lines = new ArrayList<>();
            boolean exported = false;
            for (TypeModel type : entry.getValue()) {
                exported |= type.exported();
                addType(type, lines, clean);
            }
            String headerLine = clean.apply(header.toString());
            if (headerLine.length() > HEADER_CHARS) {
                headerLine = headerLine.substring(0, HEADER_CHARS) + "…";
            }
            outlines.add(new FileOutline(path, headerLine, List.copyOf(lines), exported));
        }
        return outlines;
    }

    /** One line per exported type (signature and summary): what the merge request sees of the code. */
    static List<String> overview(UnitAnalysis unit, UnaryOperator<String> clean) {
        List<String> lines = new ArrayList<>();
        int hidden = 0;
        for (TypeModel type : unit.types()) {
            if (type.exported()) {
                lines.add(cap(clean.apply(indent(type) + typeLine(type))));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            lines.add("(" + hidden + " package-private or private type(s) not listed)");
        }
        return lines;
    }

    private static void addType(TypeModel type, List<Line> lines, UnaryOperator<String> clean) {
        String indent = indent(type);
        lines.add(new Line(cap(clean.apply(indent + typeLine(type))), type.line()));
        String memberIndent = indent + "  ";
        StringBuilder constants = null;
        int constantsLine = 0;
        for (MemberModel member : type.members()) {
            boolean constant = member.kind() == MemberModel.MemberKind.ENUM_CONSTANT
                    && member.javadocSummary().isEmpty();
            if (constant) {
                if (constants != null && constants.length() + member.name().length() > CONSTANTS_LINE_CHARS) {
                    lines.add(new Line(cap(clean.apply(constants.toString())), constantsLine));
                    constants = null;
                }
                if (constants == null) {
                    constants = new StringBuilder(memberIndent)
                            .append("constants: ")
                            .append(member.name());
                    constantsLine = member.line();
                } else {
                    constants.append(", ").append(member.name());
                }
                continue;
            }
            if (constants != null) {
                lines.add(new Line(cap(clean.apply(constants.toString())), constantsLine));
                constants = null;
            }
            StringBuilder line = new StringBuilder(memberIndent).append(oneLine(member.signature()));
            if (member.deprecated()) {
                line.append(" [deprecated]");
            }
            appendSummary(line, member.javadocSummary());
            lines.add(new Line(cap(clean.apply(line.toString())), member.line()));
        }
        if (constants != null) {
            lines.add(new Line(cap(clean.apply(constants.toString())), constantsLine));
        }
    }

    private static String typeLine(TypeModel type) {
        StringBuilder line = new StringBuilder();
        for (String annotation : type.annotations()) {
            line.append('@').append(annotation).append(' ');
        }
        line.append(oneLine(type.signature()));
        if (type.deprecated()) {
            line.append(" [deprecated]");
        }
        appendSummary(line, type.javadocSummary());
        return line.toString();
    }

    private static String indent(TypeModel type) {
        int depth = (int) type.name().chars().filter(c -> c == '.').count();
        return "  ".repeat(depth);
    }

    private static void appendSummary(StringBuilder line, String summary) {
        String s = oneLine(summary);
        if (!s.isEmpty()) {
            line.append(" // ").append(s.length() > SUMMARY_CHARS ? s.substring(0, SUMMARY_CHARS) + "…" : s);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String cap(String line) {
        return line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line;
    }
}
