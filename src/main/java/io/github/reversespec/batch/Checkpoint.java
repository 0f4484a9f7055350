package io.github.reversespec.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resume state: what an interrupted run had finished. Written as JSON after every unit that was
 * written; a skipped or resumed unit is saved with the next such write ({@link CheckpointStore#note}).
 *
 * @param format always {@link #FORMAT}; anything else is a foreign file
 * @param version the format version, {@link #VERSION}
 * @param generator the plugin that wrote it
 * @param units per unit key ({@link io.github.reversespec.analysis.UnitId#key()}), how it ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(String format, int version, String generator, Map<String, Entry> units) {

    public static final String FORMAT = "reverse-spec-checkpoint";
    public static final int VERSION = 1;

    public Checkpoint {
        units = units == null ? new TreeMap<>() : new TreeMap<>(units);
    }

    public static Checkpoint empty(String generator) {
        return new Checkpoint(FORMAT, VERSION, generator, Map.of());
    }

    /**
     * One unit's state.
     *
     * @param unit {@code artifactId:package}, for people reading the file
     * @param status a {@link UnitStatus} label
     * @param sourceHash the unit's source hash when it was done; a changed unit is redone
     * @param attempts model requests made
     * @param tokens tokens spent
     * @param durationMs time spent
     * @param error why it failed, if it did
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(
            String unit, String status, String sourceHash, int attempts, long tokens, long durationMs, String error) {

        /** Whether the unit's spec was finished by the run that wrote this entry. */
        public boolean done() {
            for (UnitStatus s : UnitStatus.values()) {
                if (s.label().equals(status)) {
                    return s.done();
                }
            }
            return false;
        }
    }
}
