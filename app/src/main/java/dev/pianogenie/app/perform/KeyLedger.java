package dev.pianogenie.app.perform;

import dev.pianogenie.model.Keys;
import java.util.Arrays;

/**
 * Which keys sound, and what holds each: the buttons pressing it, or the sustain pedal. The one place that decides
 * when a note starts and ends, so whoever hears its {@link Voice} (the outputs and the display alike) hears every
 * note-on and every note-off — a key lit on the screen is a key that sounds.
 * <ul>
 *   <li>A key sounds once, however many buttons hold it: striking a sounding key (another button, or the pedal
 *       holding it) ends it first, then starts it again (a re-strike).</li>
 *   <li>It ends when the last button holding it comes up, or — while the pedal is down — when the pedal comes up.</li>
 *   <li>{@link #releaseAll} ends everything sounding (a reset, a panic, a removed output, the stop).</li>
 * </ul>
 * Performer thread only; no allocation after construction.
 */
final class KeyLedger {
    /** Hears each note start and end, in order (key = 0..87). */
    interface Voice {
        void noteOn(int key, int velocity, long nanos);

        void noteOff(int key, long nanos);
    }

    private final Voice voice;
    private final int[] keyOfButton = new int[Keys.MAX_BUTTONS]; // any model's buttons (the performer checks the count)
    private final int[] holders = new int[Keys.NUM_KEYS];
    private final boolean[] heldByPedal = new boolean[Keys.NUM_KEYS];
    private boolean pedalDown;

    KeyLedger(Voice voice) {
        this.voice = voice;
        Arrays.fill(keyOfButton, -1);
    }

    /** The key {@code button} holds down, or -1. */
    int keyOf(int button) {
        return keyOfButton[button];
    }

    boolean pedalDown() {
        return pedalDown;
    }

    /** Whether {@code key} sounds (held by a button or by the pedal). */
    boolean sounding(int key) {
        return holders[key] > 0 || heldByPedal[key];
    }

    /** {@code button} (holding nothing: release it first) strikes {@code key}; a sounding key is re-struck. */
    void strike(int button, int key, int velocity, long nanos) {
        if (keyOfButton[button] >= 0) {
            throw new IllegalStateException("button " + button + " still holds key " + keyOfButton[button]);
        }
        if (sounding(key)) {
            voice.noteOff(key, nanos);
            heldByPedal[key] = false;
        }
        voice.noteOn(key, velocity, nanos);
        holders[key]++;
        keyOfButton[button] = key;
    }

    /** {@code button} comes up: its key ends unless another button or the pedal still holds it. */
    void release(int button, long nanos) {
        int key = keyOfButton[button];
        if (key < 0) {
            return; // a release without its press (pressed before we started, or already released by a reset)
        }
        keyOfButton[button] = -1;
        holders[key]--;
        if (holders[key] > 0) {
            return; // another button still holds this key
        }
        if (pedalDown) {
            heldByPedal[key] = true;
        } else {
            voice.noteOff(key, nanos);
        }
    }

    /** The pedal goes down, or up: up ends every key it held that no button holds. */
    void pedal(boolean down, long nanos) {
        pedalDown = down;
        if (down) {
            return;
        }
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (heldByPedal[k]) {
                heldByPedal[k] = false;
                if (holders[k] == 0) {
                    voice.noteOff(k, nanos);
                }
            }
        }
    }

    /** Ends everything sounding; buttons then hold nothing (the pedal stays where it is). */
    void releaseAll(long nanos) {
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (sounding(k)) {
                voice.noteOff(k, nanos);
            }
            holders[k] = 0;
            heldByPedal[k] = false;
        }
        Arrays.fill(keyOfButton, -1);
    }
}
