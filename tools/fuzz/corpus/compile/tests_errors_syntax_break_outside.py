x = 5
break
