package dev.kiln.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process that writes {@link SiteWriterCrashTest#NEW} into a folder and dies at step N, as a kill -9
 * would: {@code Runtime.halt} runs no finally block and no shutdown hook.
 */
public final class CrashingWrite {

    public static void main(String[] args) {
        Path dest = Path.of(args[0]);
        int dieAt = Integer.parseInt(args[1]);
        int[] step = {0};
        SiteWriter.write(site(SiteWriterCrashTest.NEW), dest, name -> {
            if (step[0]++ == dieAt) {
                System.out.println("dying before " + name);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        });
    }

    static SiteOutput site(Map<String, String> files) {
        TreeMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new SiteOutput(bytes);
    }
}
