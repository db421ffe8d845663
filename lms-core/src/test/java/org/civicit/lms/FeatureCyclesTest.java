package org.civicit.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civicit.lms.platform.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * Features depend downward only (DESIGN.md): a feature lower down tells the ones above by CDI
 * events, never by importing them. Read from the compiled classes' constant pools, which name
 * every class a class uses (also in signatures and in query strings).
 */
class FeatureCyclesTest {

    private static final Pattern FEATURE = Pattern.compile("org[/.]civicit[/.]lms[/.]([a-z]+)[/.$]");

    @Test
    void noFeatureDependsOnAFeatureThatDependsOnIt() throws IOException, URISyntaxException {
        Path classes = Path.of(BusinessException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> uses = dependencies(classes);
        assertThat(uses).containsKeys("assessment", "enrolment", "certification");
        assertThat(cycle(uses)).as("a cycle between feature packages").isEmpty();
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of(
                "assessment", Set.of("enrolment", "roster"),
                "enrolment", Set.of("catalog"),
                "catalog", Set.of("assessment"),
                "roster", Set.of()));
        assertThat(cycle(uses)).containsExactly("assessment", "enrolment", "catalog", "assessment");
        uses.put("catalog", Set.of("roster"));
        assertThat(cycle(uses)).isEmpty();
    }

    /** Which features each feature's classes use, from every class file under {@code classes}. */
    static Map<String, Set<String>> dependencies(Path classes) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            Path relative = classes.relativize(file);
            if (relative.getNameCount() < 5) {
                continue;
            }
            String feature = relative.getName(3).toString();
            Set<String> used = uses.computeIfAbsent(feature, f -> new TreeSet<>());
            try (InputStream in = Files.newInputStream(file)) {
                for (String text : constantTexts(in)) {
                    Matcher matcher = FEATURE.matcher(text);
                    while (matcher.find()) {
                        if (!matcher.group(1).equals(feature)) {
                            used.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The text constants of a class file's constant pool (JVMS §4.4). */
    static List<String> constantTexts(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return texts;
    }

    /** A cycle of the graph as the features along it (the first repeated last), or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> uses) {
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            List<String> found = cycleFrom(start, uses, new ArrayList<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> cycleFrom(String feature, Map<String, Set<String>> uses, List<String> path,
            Set<String> done) {
        if (path.contains(feature)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(feature), path.size()));
            cycle.add(feature);
            return cycle;
        }
        if (done.contains(feature)) {
            return List.of();
        }
        path.add(feature);
        for (String used : uses.getOrDefault(feature, Set.of())) {
            List<String> found = cycleFrom(used, uses, path, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(feature);
        return List.of();
    }
}
