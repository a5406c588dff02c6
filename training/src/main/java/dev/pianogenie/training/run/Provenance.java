package dev.pianogenie.training.run;

import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** What a trained model says of where it comes from: its data, its licence, the model it was fine-tuned from. */
public final class Provenance {
    private static final String DATA_THEN = ", then ";

    private Provenance() {}

    /** The model's name unless --name: from the data folder, e.g. "Piano Genie (my-music)". */
    public static String modelName(Path data, boolean maestro, boolean fineTuned) {
        String dataName = maestro ? "MAESTRO" : folderName(data);
        return "Piano Genie (" + dataName + (fineTuned ? ", fine-tuned)" : ")");
    }

    /** A new run's provenance; a fine-tuned model keeps the base model's beside. */
    public static Map<String, String> of(Path data, boolean maestro, PianoGenieModel base) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", data.toString());
        String dataLicence = maestro
                ? "CC BY-NC-SA 4.0 (trained on MAESTRO)"
                : "that of the training data (" + folderName(data) + ")";
        if (base != null) {
            p.put("fine_tuned_from", base.config().name() + " (" + base.source() + ")");
            String baseLicence = base.config().provenance().getOrDefault("licence", "unknown");
            p.put("licence", dataLicence + "; and the base model's: " + baseLicence);
        } else {
            p.put("licence", dataLicence);
        }
        return p;
    }

    private static String folderName(Path data) {
        return data.toAbsolutePath().normalize().getFileName().toString();
    }

    /**
     * The resumed run's model; resumed on another --data folder than the one it began with, that is said and kept in
     * its provenance (written with its checkpoints and in the model folder): "A, then B from step N".
     */
    public static ModelConfig resumedOn(TrainingState resumed, Path data, Consumer<String> notes) {
        ModelConfig m = resumed.model();
        String before = m.provenance().get("data");
        String now = data.toString();
        if (before == null || AtomicFile.sameFile(Path.of(lastData(before)), data)) {
            return m;
        }
        notes.accept("note: resuming on --data " + now + ", not the data the run trained on so far (" + lastData(before)
                + "): the run's provenance records it from step " + resumed.step());
        Map<String, String> p = new LinkedHashMap<>(m.provenance());
        p.put("data", before + DATA_THEN + now + " from step " + resumed.step());
        return m.withProvenance(p);
    }

    /** The data folder a provenance's "data" names last ("A, then B from step N" → B). */
    private static String lastData(String provenance) {
        int then = provenance.lastIndexOf(DATA_THEN);
        String last = then < 0 ? provenance : provenance.substring(then + DATA_THEN.length());
        return last.replaceFirst(" from step \\d+$", "");
    }
}
