package dev.pianogenie.app.live;

import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.io.Tensor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A model's fingerprint: SHA-256 over its tensors (names, shapes, values), whatever the folder's format — so
 * a replayed take can tell whether it plays through the model it was recorded with.
 */
public final class ModelIdentity {
    private ModelIdentity() {}

    /** "sha256:" and the first 16 hex digits (enough to tell models apart). */
    public static String of(PianoGenieModel model) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (Tensor t : new TreeMap<>(model.tensors()).values()) {
            sha.update(t.name().getBytes(StandardCharsets.UTF_8));
            for (int d : t.shape()) {
                buf.putInt(d);
            }
            for (float f : t.data()) {
                if (buf.remaining() < 4) {
                    sha.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(f);
            }
            sha.update(buf.array(), 0, buf.position());
            buf.clear();
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
