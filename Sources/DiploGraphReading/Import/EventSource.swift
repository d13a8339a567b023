import Foundation
import DiploGraph

/// Event datasets DiploGraph imports.
public enum EventSource: String, Sendable, CaseIterable {
    /// ICEWS: tab-separated with a header row; countries as written (`South Korea`).
    case icews
    /// GDELT 1.0 (58 columns) or 2.0 (61 columns): tab-separated, no header; ISO-3 countries (`KOR`).
    case gdelt
}
