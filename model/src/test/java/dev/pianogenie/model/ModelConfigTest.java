package dev.pianogenie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
    /** The provenance is written in one order every time: checkpoint headers and model.json compare byte for byte. */
    @Test
    void provenanceKeepsItsKeysInAlphabeticalOrder() {
        Map<String, String> facts = Map.of(
                "step",
                "20",
                "data",
                "maestro",
                "licence",
                "CC BY-NC-SA 4.0",
                "source",
                "train",
                "exported",
                "today",
                "recipe",
                "batch 32");
        ModelConfig c = new ModelConfig("m", FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 8, 1, true, facts);
        assertEquals(
                List.of("data", "exported", "licence", "recipe", "source", "step"),
                new ArrayList<>(c.provenance().keySet()));
        assertEquals(facts, c.provenance());
    }
}
