import Foundation
import DiploGraph

/// One event read from an event dataset, ready to be written as an events-file row.
public struct ImportedEvent: Sendable, Equatable {
    /// The day the event happened (GDELT's `SQLDATE`, ICEWS's `Event Date`).
    public var date: EventDate
    /// The acting country, the source actor's id: as the dataset writes it, without the
    /// whitespace around it, in Unicode's NFC.
    public var source: String
    /// The country acted upon, the target actor's id, written as ``source`` is.
    public var target: String
    /// The kind id the event's CAMEO code maps to (``CAMEOMapping/kind(for:)``).
    public var kind: String
    /// The CAMEO event code as the dataset writes it, digits with any leading zero (`042`).
    public var cameo: String
    /// The dataset's id of the event (GDELT's `GLOBALEVENTID`, ICEWS's `Event ID`), as text.
    public var eventID: String
    /// The event's text, if the dataset has one, then the actors' names as written
    /// (`Moon Jae-in → Kim Jong-un`); empty when there is neither.
    public var note: String
}
