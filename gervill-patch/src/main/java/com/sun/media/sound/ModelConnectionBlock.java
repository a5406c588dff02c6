/*
 * SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
 *
 * Piano Genie's replacement for one class of OpenJDK's java.desktop module, loaded with
 * --patch-module java.desktop=gervill-patch.jar; it takes the licence of the module it patches. Written for Piano
 * Genie from the class's public API (the same constructors, fields and methods as JDK 17's to JDK 25's).
 */
package com.sun.media.sound;

import java.util.Arrays;

/**
 * A connection in Gervill's modulation matrix: sources (a MIDI controller, an envelope, an LFO…), each transformed
 * and multiplied, times a scale, into a destination (gain, pitch, filter…). The JDK's own {@link #getSources()}
 * returns a copy, and {@code SoftVoice.processConnection} calls it for every sounding voice's every envelope and LFO
 * connection at every control tick: 6 KB of garbage per 256-frame period with a few notes sounding, 57 KB with a
 * pedalled passage, all of it in JACK's realtime callback. Gervill only reads the array, so this one hands out its
 * own; rendered audio is bit for bit the same (GervillPatchTest).
 */
public final class ModelConnectionBlock {
    private static final ModelSource[] no_sources = new ModelSource[0];

    private ModelSource[] sources = no_sources;
    private double scale = 1;
    private ModelDestination destination;

    public ModelConnectionBlock() {}

    public ModelConnectionBlock(double scale, ModelDestination destination) {
        this.scale = scale;
        this.destination = destination;
    }

    public ModelConnectionBlock(ModelSource source, ModelDestination destination) {
        this(source, null, 1, destination);
    }

    public ModelConnectionBlock(ModelSource source, double scale, ModelDestination destination) {
        this(source, null, scale, destination);
    }

    public ModelConnectionBlock(ModelSource source, ModelSource control, ModelDestination destination) {
        this(source, control, 1, destination);
    }

    /** A null source means none; a null control means the source alone. */
    public ModelConnectionBlock(ModelSource source, ModelSource control, double scale, ModelDestination destination) {
        if (source != null) {
            sources = control == null ? new ModelSource[] {source} : new ModelSource[] {source, control};
        }
        this.scale = scale;
        this.destination = destination;
    }

    public ModelDestination getDestination() {
        return destination;
    }

    public void setDestination(ModelDestination destination) {
        this.destination = destination;
    }

    public double getScale() {
        return scale;
    }

    public void setScale(double scale) {
        this.scale = scale;
    }

    /** The block's own array, not a copy (see the class comment): callers must not change it. */
    public ModelSource[] getSources() {
        return sources;
    }

    /** Copies the array given, as the JDK's does, so a caller's later change cannot reach the block. */
    public void setSources(ModelSource[] source) {
        sources = source == null ? no_sources : Arrays.copyOf(source, source.length);
    }

    public void addSource(ModelSource source) {
        ModelSource[] more = Arrays.copyOf(sources, sources.length + 1);
        more[more.length - 1] = source;
        sources = more;
    }
}
