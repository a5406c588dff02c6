package dev.pianogenie.midi;

/** A sustain-pedal (CC64) change: {@code value} 0..127, down when ≥ 64. */
public record PedalEvent(double seconds, int value) {

    public PedalEvent {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("pedal time must be >= 0 s, was " + seconds);
        }
        if (value < 0 || value > Midi.MAX_DATA) {
            throw new IllegalArgumentException("pedal value must be 0..127, was " + value);
        }
    }

    public boolean down() {
        return value >= Midi.PEDAL_DOWN_FROM;
    }
}
