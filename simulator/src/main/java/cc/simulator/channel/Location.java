package cc.simulator.channel;

/** A place in the dialplan: context, extension, priority. */
public record Location(String context, String exten, int priority) {
}
