// DiploGraphIO is the umbrella of the modules around the core: `import DiploGraphIO` brings
// them all, as one module did before they were split. Import one of them alone to depend on
// less.
@_exported import DiploGraphText
@_exported import DiploGraphOutput
@_exported import DiploGraphReading
@_exported import DiploGraphExport
@_exported import DiploGraphDiagram
@_exported import DiploGraphReport
