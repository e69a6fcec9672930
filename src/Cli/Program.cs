Console.WriteLine("jixiao");
