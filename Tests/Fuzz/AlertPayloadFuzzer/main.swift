// The fuzz target of the alert receivers' decoding: a libFuzzer binary from `scripts/fuzz.sh`, a replayer of saved inputs
// otherwise (`AlertPayloadFuzzer Tests/Fuzz/corpus/alerts`). See FuzzMain.
import FuzzSupport

FuzzMain.run(AlertFuzzing.run)
