package dev.pianogenie.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code genie} command line run in-process, as a user runs it: exit code, what it printed and its errors. */
record GenieRun(int code, String out, String err) {

    static GenieRun of(String... args) {
        CommandLine cli = GenieCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new GenieRun(code, out.toString(), err.toString());
    }

    /** The output as one JSON value. */
    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.strip());
    }
}
