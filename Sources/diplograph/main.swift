import DiploGraph
