"""Build src/redovisa/data/sample.se, the small example ledger written for this project (run from the repo root)."""
from decimal import Decimal as D
accounts = [
 ("1221","Datorer och IT-utrustning","T"),("1229","Ack avskrivningar IT-utrustning","T"),
 ("1510","Kundfordringar","T"),("1790","Förutbetalda kostnader","T"),("1930","Bank","T"),
 ("2050","Eget kapital","S"),("2350","Lån i banker","S"),("2440","Leverantörsskulder","S"),
 ("2710","Personalens skatter","S"),("2730","Upplupna sociala avgifter","S"),
 ("3510","Försäljning av tjänster till medlemmar","I"),("3611","Medlemsavgifter","I"),
 ("4010","Månadsavlönade","K"),("4060","Sociala avgifter","K"),("5460","IT-tjänster","K"),
 ("5611","Lokalhyra","K"),("6810","Avskrivningar maskiner och inventarier","K"),("8410","Räntekostnader","K"),
]
objs = [("1","81141","IT-drift"),("1","81142","Digitalisering"),("1","81100","Förbundsledning")]
ib = {"1221":D("4800000.00"),"1229":D("-1900000.00"),"1510":D("640000.00"),"1930":D("2310000.00"),
      "2050":D("-1450000.00"),"2350":D("-3600000.00"),"2440":D("-620000.00"),"2710":D("-95000.00"),"2730":D("-85000.00")}
assert sum(ib.values()) == 0
vers = []
def v(date, text, rows): vers.append((date,text,rows))
for m in range(1,7):
    d=f"2024{m:02d}25"
    v(f"2024{m:02d}05", f"Faktura medlemmar IT-tjänster {m}/2024", [("1510",None,D("1184500.00")),("3510","81141",D("-1184500.00"))])
    v(f"2024{m:02d}10", f"Medlemsavgift {m}/2024", [("1930",None,D("212400.00")),("3611","81100",D("-212400.00"))])
    v(f"2024{m:02d}28", f"Inbetalning kundfordringar {m}/2024", [("1930",None,D("1160250.00")),("1510",None,D("-1160250.00"))])
    v(d, f"Löner {m}/2024", [("4010","81141",D("412300.00")),("4010","81142",D("198750.50")),("4010","81100",D("96400.00")),
                             ("4060","81141",D("129550.66")),("4060","81142",D("62447.41")),("4060","81100",D("30288.88")),
                             ("2710",None,D("-212434.00")),("2730",None,D("-222287.00")),("1930",None,D("-495016.45"))])
    v(f"2024{m:02d}12", f"Leverantörsfaktura licenser {m}/2024", [("5460","81141",D("287345.20")),("2440",None,D("-287345.20"))])
    v(f"2024{m:02d}01", f"Hyra kontor {m}/2024", [("5611","81100",D("58333.33")),("1930",None,D("-58333.33"))])
    v(f"2024{m:02d}28", f"Avskrivningar {m}/2024", [("6810","81141",D("96875.00")),("1229",None,D("-96875.00"))])
v("20240315","Inköp bärbara datorer", [("1221",None,D("736250.00")),("2440",None,D("-736250.00"))])
v("20240331","Ränta lån kvartal 1", [("8410","81100",D("31410.00")),("1930",None,D("-31410.00"))])
v("20240628","Ränta och amortering lån kvartal 2", [("8410","81100",D("30870.00")),("2350",None,D("200000.00")),("1930",None,D("-230870.00"))])
v("20240620","Betalning leverantörsskulder", [("2440",None,D("2200000.00")),("1930",None,D("-2200000.00"))])
for m in range(1,7):
    v(f"2024{m:02d}12", f"Skatt och sociala avgifter {m}/2024", [("2710",None,D("212434.00")),("2730",None,D("222287.00")),("1930",None,D("-434721.00"))])
vers.sort(key=lambda x: x[0])
trans={}
for _,_,rows in vers:
    assert sum(r[2] for r in rows)==0, rows
    for a,_,amt in rows: trans[a]=trans.get(a,0)+amt
out=[]
w=out.append
w('#FLAGGA 0'); w('#PROGRAM "redovisa exempel" 1.0'); w('#FORMAT PC8'); w('#GEN 20240705'); w('#SIETYP 4')
w('#PROSA "Exempelfil skriven för redovisa: ett litet kommunalförbund, januari-juni 2024"')
w('#FNAMN "Exempelförbundet för IT-samverkan"'); w('#ORGNR 222000-0000')
w('#RAR 0 20240101 20241231'); w('#RAR -1 20230101 20231231'); w('#OMFATTN 20240630'); w('#VALUTA SEK')
for a,n,t in accounts: w(f'#KONTO {a} "{n}"'); w(f'#KTYP {a} {t}')
w('#DIM 1 "Ansvar"')
for d,i,n in objs: w(f'#OBJEKT {d} "{i}" "{n}"')
for a,_,t in accounts:
    if t in "TS":
        i0=ib.get(a,D(0)); u=i0+trans.get(a,D(0))
        w(f'#IB 0 {a} {i0:.2f}'); w(f'#UB 0 {a} {u:.2f}')
for a,_,t in accounts:
    if t in "IK": w(f'#RES 0 {a} {trans.get(a,D(0)):.2f}')
series_no=0
for date,text,rows in vers:
    series_no+=1
    w(f'#VER A {series_no} {date} "{text}"'); w('{')
    for a,o,amt in rows:
        ol = f'{{1 "{o}"}}' if o else '{}'
        w(f'   #TRANS {a} {ol} {amt:.2f}')
    w('}')
res = sum(trans.get(a,0) for a,_,t in accounts if t in "IK")
print("result (negative=surplus):", res)
open("src/redovisa/data/sample.se","wb").write(("\r\n".join(out)+"\r\n").encode("cp437"))
