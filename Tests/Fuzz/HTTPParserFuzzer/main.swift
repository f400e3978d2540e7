// The fuzz target of the request parser: a libFuzzer binary from `scripts/fuzz.sh`, a replayer of saved inputs
// otherwise (`HTTPParserFuzzer Tests/Fuzz/corpus/parser`). See FuzzMain.
import FuzzSupport

FuzzMain.run(ParserFuzzing.run)
