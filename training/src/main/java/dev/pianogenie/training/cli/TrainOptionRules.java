package dev.pianogenie.training.cli;

/**
 * What picocli's types cannot check in {@code ./genie train}'s options: ranges, and options that go together or
 * exclude each other — checked before anything is read, each refusal in one line naming its options.
 */
final class TrainOptionRules {
    private TrainOptionRules() {}

    static void check(TrainCommand c) {
        c.recipe.check(c::given);
        c.network.check();
        ThreadsOption.count(c.threads); // checks --threads
        if (c.given("--shards")) {
            ThreadsOption.checkShards(c.recipe.shards, c.recipe.batch);
        }
        if (!c.device.equalsIgnoreCase("cpu") && !c.device.equalsIgnoreCase("gpu")) {
            throw new IllegalArgumentException("--device must be cpu or gpu, was '" + c.device + "'");
        }
        if (c.changeRecipe && !c.resume) {
            throw new IllegalArgumentException(
                    "--change-recipe goes with --resume (a new run takes its options as given)");
        }
        if (c.latest && !c.exportOnly) {
            throw new IllegalArgumentException("--latest chooses what --export-only writes: give both");
        }
        if (c.recipe.freezeEncoder && c.init == null && !c.resume) {
            throw new IllegalArgumentException(
                    "--freeze-encoder keeps a trained encoder's buttons: start from a model with"
                            + " --init MODEL_DIR (a new network's encoder is random)");
        }
        c.network.checkVelocityUnits();
        if (c.recipe.freezeDecoder && !c.recipe.freezeEncoder) {
            throw new IllegalArgumentException(
                    "--freeze-decoder trains the velocity output alone: give --freeze-encoder too"
                            + " (a trainable encoder over a frozen decoder would move the buttons under it)");
        }
        if (c.recipe.freezeDecoder && c.given("--velocity-units") && c.network.velocityUnits == 0) {
            throw new IllegalArgumentException(
                    "--freeze-decoder trains the velocity output alone, but --velocity-units 0"
                            + " leaves none: nothing would learn");
        }
        if (c.init != null && c.resume) {
            throw new IllegalArgumentException(
                    "--init starts a new run from a model; --resume continues a run: choose one");
        }
    }
}
