/// Machine-readable outputs beside the pages (content model, "Machine-readable exports").
/// Each writer is its own type; this lists them in a fixed order.
enum Exports {
    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        []
    }
}
