"""The programme: sessions in time and rooms, its checks, versions, grid and formats."""
