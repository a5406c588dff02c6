package dev.pianogenie.training.run;

import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.model.io.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One file holding a training checkpoint: a JSON header (step, configuration, best score...) and named
 * float32 tensors (parameters and optimizer moments), followed by a CRC32 so that a truncated or damaged
 * file is refused, never half-loaded.
 *
 * <p>Written atomically: to a temporary file in the same folder, forced to disk, then renamed over the old
 * one — a kill at any moment leaves either the old or the new checkpoint, complete.
 */
public final class CheckpointFile {
    private static final byte[] MAGIC = "PGCKPT01".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_NAME = 1 << 10;

    /** What a checkpoint holds. */
    public record Contents(String headerJson, Map<String, Tensor> tensors) {}

    private CheckpointFile() {}

    public static void write(Path file, String headerJson, Map<String, Tensor> tensors) throws IOException {
        try {
            AtomicFile.write(file, stream -> {
                WritableByteChannel ch = Channels.newChannel(stream);
                CRC32 crc = new CRC32();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(head);
                out.write(MAGIC);
                byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
                out.writeInt(json.length);
                out.write(json);
                out.writeInt(tensors.size());
                out.flush();
                writeAll(ch, ByteBuffer.wrap(head.toByteArray()), crc);
                for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                    writeTensor(ch, e.getKey(), e.getValue(), crc);
                }
                ByteBuffer tail =
                        ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(crc.getValue());
                tail.flip();
                while (tail.hasRemaining()) {
                    ch.write(tail);
                }
            });
        } catch (FileAccessException e) {
            throw new FileAccessException(file, "the checkpoint " + e.reason(), e);
        }
    }

    private static void writeTensor(WritableByteChannel ch, String name, Tensor t, CRC32 crc) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer head =
                ByteBuffer.allocate(4 + n.length + 4 + 8 * t.shape().length).order(ByteOrder.BIG_ENDIAN);
        head.putInt(n.length).put(n).putInt(t.shape().length);
        for (int d : t.shape()) { // written as longs: the file format predates the one tensor type
            head.putLong(d);
        }
        head.flip();
        writeAll(ch, head, crc);
        ByteBuffer data = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(t.data());
        writeAll(ch, data, crc);
    }

    private static void writeAll(WritableByteChannel ch, ByteBuffer buf, CRC32 crc) throws IOException {
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    public static Contents read(Path file) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + file, e);
        }
        if (all.length < MAGIC.length + 16) {
            throw new IOException(file + " is not a checkpoint: too short (" + all.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        for (byte b : MAGIC) {
            if (buf.get() != b) {
                throw new IOException(file + " is not a Piano Genie checkpoint (wrong magic bytes)");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long expected = ByteBuffer.wrap(all, all.length - 8, 8)
                .order(ByteOrder.BIG_ENDIAN)
                .getLong();
        if (crc.getValue() != expected) {
            throw new IOException(file + " is damaged or truncated (checksum mismatch); use an older checkpoint");
        }
        try {
            int jsonLength = buf.getInt();
            byte[] json = new byte[jsonLength];
            buf.get(json);
            int count = buf.getInt();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int nameLength = buf.getInt();
                if (nameLength < 0 || nameLength > MAX_NAME) {
                    throw new IOException("bad tensor name length " + nameLength);
                }
                byte[] name = new byte[nameLength];
                buf.get(name);
                int rank = buf.getInt();
                if (rank < 0 || rank > 8) {
                    throw new IOException("bad tensor rank " + rank);
                }
                int[] shape = new int[rank];
                long n = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = Math.toIntExact(buf.getLong());
                    n *= shape[d];
                }
                if (n < 0 || 4 * n > buf.remaining()) {
                    throw new IOException("tensor larger than the file");
                }
                float[] data = new float[(int) n];
                buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
                buf.position(buf.position() + 4 * data.length);
                String key = new String(name, StandardCharsets.UTF_8);
                tensors.put(key, new Tensor(key, shape, data));
            }
            return new Contents(new String(json, StandardCharsets.UTF_8), tensors);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid checkpoint: " + e.getMessage(), e);
        }
    }
}
