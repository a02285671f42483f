import NetGraph
print("x")
