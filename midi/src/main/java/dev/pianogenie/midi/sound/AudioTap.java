package dev.pianogenie.midi.sound;

/** Sees the synthesizer's output as it goes to the sound card (for a level meter); must not block. */
@FunctionalInterface
public interface AudioTap {
    /** One block of mono samples in [-1, 1] ({@code frames} valid values). */
    void audio(float[] mono, int frames);
}
