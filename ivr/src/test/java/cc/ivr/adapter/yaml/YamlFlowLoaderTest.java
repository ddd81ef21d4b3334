package cc.ivr.adapter.yaml;

import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.Node;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlFlowLoaderTest {
    final YamlFlowLoader loader = new YamlFlowLoader();

    static final String GOOD = String.join("\n",
            "languages: [fa, en]",
            "timezone: Asia/Tehran",
            "start: menu",
            "nodes:",
            "  menu:",
            "    type: menu",
            "    prompt: {fa: fa/ivr/menu, en: [en/ivr/menu, en/ivr/press]}",
            "    choices: {1: acct, 2: hours}",
            "    timeout: 1500ms",
            "    fallback: bye",
            "  acct:",
            "    type: collect",
            "    variable: account",
            "    prompt: {fa: fa/ivr/account, en: en/ivr/account}",
            "    min-digits: 8",
            "    max-digits: 8",
            "    checksum: luhn",
            "    pattern: '[0-9]{8}'",
            "    next: hours",
            "    fallback: bye",
            "  hours:",
            "    type: hours",
            "    week: {sat-wed: '08:00-17:00', thu: ['08:00-12:00']}",
            "    holidays: ['jalali:01-01', 'gregorian:2026-12-25']",
            "    open: bye",
            "    closed: bye",
            "  bye: {type: hangup}");

    FlowConfigException problems(String yaml) {
        return assertThrows(FlowConfigException.class, () -> loader.load("main.yaml", yaml));
    }

    @Test
    @DisplayName("A valid flow loads with its name from the file, its zone, prompts per language and durations")
    void loads() throws Exception {
        Flow f = loader.load("main.yaml", GOOD);
        assertEquals("main", f.name());
        assertEquals(List.of("fa", "en"), f.languages());
        assertEquals(ZoneId.of("Asia/Tehran"), f.zone());
        Node.Menu m = assertInstanceOf(Node.Menu.class, f.nodes().get("menu"));
        assertEquals(List.of("en/ivr/menu", "en/ivr/press"), m.prompt().in("en"));
        assertEquals(Duration.ofMillis(1500), m.timeout());
        assertEquals("acct", m.choices().get("1"));
        Node.Hours h = assertInstanceOf(Node.Hours.class, f.nodes().get("hours"));
        assertEquals(6, h.open().size(), "sat..wed is five days, plus thursday morning");
        assertEquals(2, h.holidays().size());
        assertEquals("bye", h.onHoliday(), "holiday defaults to the closed branch");
        assertNotEquals(f.version(), loader.load("main.yaml", GOOD + "\n# changed").version());
    }

    @Test
    @DisplayName("A lookup node names its lookup, keys, budget and three ways on; a missing way is refused naming it")
    void lookupNode() throws Exception {
        String yaml = String.join("\n",
                "languages: [en]",
                "start: orders",
                "nodes:",
                "  orders:",
                "    type: lookup",
                "    lookup: orders",
                "    keys: {accountNumber: '${customer.account}'}",
                "    budget: 400ms",
                "    found: bye",
                "    none: bye",
                "    unavailable: bye",
                "  bye:",
                "    type: hangup",
                "    prompt: {en: en/ivr/goodbye}", "");
        Node.Lookup l = assertInstanceOf(Node.Lookup.class, loader.load("orders.yaml", yaml).nodes().get("orders"));
        assertEquals("orders", l.lookup());
        assertEquals("orders", l.as(), "the variables' prefix is the lookup's name unless 'as' says otherwise");
        assertEquals(Map.of("accountNumber", "${customer.account}"), l.keys());
        assertEquals(Duration.ofMillis(400), l.budget());
        FlowConfigException e = assertThrows(FlowConfigException.class,
                () -> loader.load("orders.yaml", yaml.replace("    unavailable: bye\n", "")));
        assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
    }

    @Test
    @DisplayName("An unknown node type is refused, naming the file and the node")
    void unknownType() {
        FlowConfigException e = problems(GOOD.replace("type: hours", "type: office-hours"));
        assertTrue(e.problems().get(0).startsWith("main.yaml: node 'hours': type: unknown node type 'office-hours'"),
                e.getMessage());
    }

    @Test
    @DisplayName("A branch to a node that does not exist is refused")
    void dangling() {
        FlowConfigException e = problems(GOOD.replace("choices: {1: acct, 2: hours}", "choices: {1: acct, 2: hour}"));
        assertEquals(List.of("main.yaml: node 'menu': branch to 'hour', which does not exist"), e.problems());
    }

    @Test
    @DisplayName("A prompt missing for one of the flow's languages is refused")
    void missingPrompt() {
        FlowConfigException e = problems(GOOD.replace("prompt: {fa: fa/ivr/account, en: en/ivr/account}",
                "prompt: {en: en/ivr/account}"));
        assertEquals(List.of("main.yaml: node 'acct': prompt has no prompt for language 'fa'"), e.problems());
    }

    @Test
    @DisplayName("A loop with no node waiting for the caller is refused")
    void loop() {
        String yaml = GOOD.replace("  bye: {type: hangup}", String.join("\n",
                "  bye: {type: set, values: {x: '1'}, next: again}",
                "  again: {type: branch, rules: [{variable: x, equals: '1', next: bye}], otherwise: bye}"));
        FlowConfigException e = problems(yaml);
        assertTrue(e.problems().get(0).contains("is on a loop with no node that waits for the caller's keys"),
                e.getMessage());
    }

    @Test
    @DisplayName("A bad regular expression, checksum name, duration or unknown key are each named")
    void badValues() {
        FlowConfigException e = problems(GOOD.replace("pattern: '[0-9]{8}'", "pattern: '[0-9'")
                .replace("checksum: luhn", "checksum: verhoeff").replace("timeout: 1500ms", "timeout: soon")
                .replace("fallback: bye\n  acct", "fallback: bye\n    colour: blue\n  acct"));
        List<String> p = e.problems();
        assertEquals(2, p.size(), e.getMessage());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("main.yaml: node 'menu': timeout: 'soon' is not a duration")),
                e.getMessage());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("main.yaml: node 'acct': ")), e.getMessage());
        FlowConfigException checksum = problems(GOOD.replace("checksum: luhn", "checksum: verhoeff"));
        assertEquals(List.of("main.yaml: node 'acct': unknown checksum 'verhoeff' (known: luhn)"), checksum.problems());
        FlowConfigException typo = problems(GOOD.replace("fallback: bye\n  acct", "fallback: bye\n    colour: blue\n  acct"));
        assertEquals(List.of("main.yaml: node 'menu': unknown key 'colour'"), typo.problems());
        FlowConfigException regex = problems(GOOD.replace("pattern: '[0-9]{8}'", "pattern: '[0-9'"));
        assertTrue(regex.problems().get(0).startsWith("main.yaml: node 'acct': pattern: not a valid regular"));
    }

    @Test
    @DisplayName("Broken YAML, a missing start or a language choice of an undeclared language are refused")
    void structure() {
        assertTrue(problems("languages: [en\nstart").problems().get(0).startsWith("main.yaml: not valid YAML"));
        assertEquals(List.of("main.yaml: start: no node 'nowhere'"),
                problems(GOOD.replace("start: menu", "start: nowhere")).problems());
        FlowConfigException e = problems(GOOD.replace("  bye: {type: hangup}",
                "  bye: {type: language, prompt: {fa: a, en: b}, choices: {1: de}, next: menu}"));
        assertEquals(List.of("main.yaml: node 'bye': choice 1 picks language 'de', which the flow does not declare"),
                e.problems());
    }

    @Test
    @DisplayName("a top-level key of the wrong shape is refused naming the file and the key (found by fuzzing)")
    void topLevelWrongShape() {
        FlowConfigException e = assertThrows(FlowConfigException.class, () -> loader.load("main.yaml",
                "languages: [en]\ntimezone: [UTC, 0]\nstart: a\nnodes:\n  a: {type: hangup}\n"));
        assertEquals(List.of("main.yaml: timezone: expected a single value"), e.problems());
    }

    @Test
    @DisplayName("a node key given twice is refused naming the file and the key, not silently replaced (found by fuzzing)")
    void duplicateKey() {
        FlowConfigException e = assertThrows(FlowConfigException.class, () -> loader.load("main.yaml",
                "languages: [en]\nstart: a\nnodes:\n  a:\n    type: hangup\n    type: play\n"));
        assertTrue(e.problems().get(0).startsWith("main.yaml: not valid YAML"), e.problems().toString());
        assertTrue(e.problems().get(0).contains("duplicate key type"), e.problems().toString());
    }
}
