package dev.pianogenie.app.perform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** 40 presses without velocity, a change to f at the 10th and back to p at the 25th. */
final class PlayDynamicsTestSession {
    static Path write(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = i * 100_000_000L;
            if (i == 10) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"dynamics\", \"dynamics\": 96}");
            }
            if (i == 25) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"dynamics\", \"dynamics\": 48}");
            }
            int b = (i * 3) % 8;
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + b + "}");
            lines.add("{\"t_ns\": " + (t + 80_000_000L) + ", \"kind\": \"release\", \"button\": " + b + "}");
        }
        Path file = dir.resolve("s.session.jsonl");
        Files.write(file, lines);
        return file;
    }
}
